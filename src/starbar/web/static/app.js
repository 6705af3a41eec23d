// starbar: the little JavaScript the pages use. No framework, no network: it only enhances
// server-rendered forms, and every page works without it.
(function () {
  "use strict";

  // Practice: a visible countdown that warns when time is up (the answer is still accepted).
  function startCountdowns() {
    document.querySelectorAll("[data-countdown]").forEach(function (el) {
      var remaining = parseInt(el.getAttribute("data-countdown"), 10);
      if (!(remaining > 0)) return;
      function show() {
        var m = Math.floor(Math.abs(remaining) / 60), s = Math.abs(remaining) % 60;
        el.textContent = (remaining < 0 ? "-" : "") + m + ":" + (s < 10 ? "0" : "") + s;
        el.classList.toggle("over", remaining <= 0);
        var field = document.querySelector("[name=elapsed]");
        if (field) field.value = String(parseInt(el.getAttribute("data-countdown"), 10) - remaining);
      }
      show();
      setInterval(function () { remaining -= 1; show(); }, 1000);
    });
  }

  // Mock loop: each answer's time, from its first keystroke to its last, into its "elapsed" field.
  function loopTimers() {
    document.querySelectorAll("[data-answer-time]").forEach(function (area) {
      var field = document.getElementById(area.getAttribute("data-answer-time")), started = null;
      if (!field) return;
      area.addEventListener("input", function () {
        var now = Date.now();
        if (started === null) started = now;
        field.value = String(Math.round((now - started) / 1000));
      });
    });
  }

  // Story text areas: a live word count and spoken time (150 words a minute).
  function wordCounts() {
    document.querySelectorAll("textarea[data-words]").forEach(function (area) {
      var out = document.getElementById(area.getAttribute("data-words"));
      if (!out) return;
      function update() {
        var words = (area.value.match(/\S+/g) || []).length, secs = Math.round(words * 60 / 150);
        out.textContent = words + " words, about " + Math.floor(secs / 60) + ":" + String(secs % 60).padStart(2, "0") + " spoken";
      }
      area.addEventListener("input", update);
      update();
    });
  }

  // Submit buttons: one click only, so a slow review is not sent twice.
  function singleSubmit() {
    document.querySelectorAll("form").forEach(function (form) {
      form.addEventListener("submit", function () {
        form.querySelectorAll("button[type=submit]").forEach(function (b) {
          setTimeout(function () { b.disabled = true; }, 0);
        });
      });
    });
  }

  // Evidence highlights join the Tab order only when the reader asks to step through them.
  function evidenceStepping() {
    document.querySelectorAll("[data-step-evidence]").forEach(function (button) {
      var panel = button.closest(".story-panel");
      var marks = panel ? panel.querySelectorAll("mark.ev[data-tip]") : [];
      if (!marks.length) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        var on = button.getAttribute("aria-pressed") !== "true";
        button.setAttribute("aria-pressed", String(on));
        button.textContent = on ? "Stop stepping through the evidence" : "Step through the evidence with Tab";
        marks.forEach(function (m) {
          if (on) { m.setAttribute("tabindex", "0"); m.setAttribute("aria-label", m.textContent + " (" + m.getAttribute("data-tip") + ")"); }
          else { m.removeAttribute("tabindex"); m.removeAttribute("aria-label"); }
        });
        if (on) marks[0].focus();
      });
    });
  }

  // Print buttons: the print stylesheet lays the review out on one page.
  function printButtons() {
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    printButtons();
    evidenceStepping();
    startCountdowns();
    wordCounts();
    loopTimers();
    singleSubmit();
  });
})();
