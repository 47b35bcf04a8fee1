"""Evaluation inside the product (``kg eval``): the sample-article gold format, CoNLL04 and CaRB scorers."""
