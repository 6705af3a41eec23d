"""Plain-text table of `starbar eval` figures."""

from __future__ import annotations


def eval_table(r: dict) -> str:
    lines = [f"stories: {r['stories']}", "", f"{'dimension':<18} {'qwk':>6} {'exact':>6} {'within1':>8} {'bias':>6}"]
    for d, v in r["dimensions"].items():
        lines.append(f"{d:<18} {v['qwk']:>6.3f} {v['exact']:>6.2f} {v['within_one']:>8.2f} {v['bias']:>+6.2f}")
    lines += [
        "",
        f"mean qwk {r['mean_qwk']:.3f}   min qwk {r['min_qwk']:.3f}",
        f"verdict accuracy {r['verdict']['accuracy']:.3f}   within one {r['verdict']['within_one']:.3f}   "
        f"acceptable {r['verdict']['acceptable']:.3f}   hire-or-better line {r['verdict']['hire_line']:.3f}",
        f"archetype accuracy {r['archetype']['accuracy']:.3f}",
        f"flag micro P {r['flags']['micro']['precision']:.3f} R {r['flags']['micro']['recall']:.3f} F1 {r['flags']['micro']['f1']:.3f}",
    ]
    for f, v in r["flags"]["per_flag"].items():
        lines.append(f"  {f:<22} P {v['precision']:.2f} R {v['recall']:.2f} F1 {v['f1']:.2f} (n={v['support']})")
    lines += [
        f"STAR part agreement (words) {r['parts']['word_agreement']:.3f}",
        f"buzzword_stuffing stories at no_hire or below: {'yes' if r['buzzword_stuffing_at_no_hire_or_below'] else 'NO'}",
    ]
    return "\n".join(lines)
