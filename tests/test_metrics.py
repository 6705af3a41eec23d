import pytest

from starbar.evaluate.metrics import exact, prf, quadratic_weighted_kappa, within_one


def test_kappa_perfect_and_reversed():
    assert quadratic_weighted_kappa([0, 1, 2, 3, 4], [0, 1, 2, 3, 4]) == pytest.approx(1.0)
    assert quadratic_weighted_kappa([0, 1, 2, 3, 4], [4, 3, 2, 1, 0]) == pytest.approx(-1.0)


def test_kappa_known_value():
    # Worked by hand: weighted observed disagreement 0.25, weighted chance disagreement 1.75.
    gold, pred = [0, 0, 4, 4], [0, 2, 4, 4]
    assert quadratic_weighted_kappa(gold, pred) == pytest.approx(1 - 0.25 / 1.75)


def test_kappa_penalises_far_misses_more():
    gold = [0, 1, 2, 3, 4, 2]
    near = [1, 1, 2, 3, 4, 2]
    far = [4, 1, 2, 3, 4, 2]
    assert quadratic_weighted_kappa(gold, near) > quadratic_weighted_kappa(gold, far)


def test_kappa_rejects_mismatched_lists():
    with pytest.raises(ValueError):
        quadratic_weighted_kappa([1, 2], [1])


def test_exact_within_one():
    assert exact([1, 2, 3], [1, 2, 0]) == pytest.approx(2 / 3)
    assert within_one([1, 2, 3], [2, 2, 0]) == pytest.approx(2 / 3)


def test_prf_micro_and_per_label():
    gold = [{"a", "b"}, {"a"}, set()]
    pred = [{"a"}, {"a", "c"}, {"b"}]
    micro = prf(gold, pred)
    assert micro["precision"] == pytest.approx(2 / 4)
    assert micro["recall"] == pytest.approx(2 / 3)
    assert prf(gold, pred, "a")["f1"] == pytest.approx(1.0)
    assert prf(gold, pred, "b")["f1"] == pytest.approx(0.0)
