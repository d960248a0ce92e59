"""One set of bounds for every path that writes a figure (grid, import, forms, admin): the models'
validators, the import parser and the grid all use these."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator

MAX_COUNT = 100_000
"""Counts (items published, articles, adoptions) are whole numbers from 0 to this."""

MAX_POINTS = Decimal("100")
"""Points of one deduction, adjustment or rule value: at most two decimals, at most this."""

COUNT_VALIDATORS = [MinValueValidator(0), MaxValueValidator(MAX_COUNT)]
POINTS_FIELD = {"max_digits": 6, "decimal_places": 2}
POSITIVE_POINTS_VALIDATORS = [MinValueValidator(Decimal("0.01")), MaxValueValidator(MAX_POINTS)]
RULE_POINTS_VALIDATORS = [MinValueValidator(Decimal("0")), MaxValueValidator(MAX_POINTS)]
