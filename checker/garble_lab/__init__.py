"""The garble lab: a generator that plants one defect in a real article, and the evaluation that
runs the rules over planted and clean articles (``checker eval garble``).

Nothing a check imports lives here: rules never import this package.
"""
