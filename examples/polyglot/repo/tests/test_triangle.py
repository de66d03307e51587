from polyglot_demo import triangle


def test_triangle():
    assert triangle(4) == 10
