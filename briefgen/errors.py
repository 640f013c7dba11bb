"""The exceptions briefgen raises; only the command line turns them into messages and exit codes."""

from collections.abc import Iterable


class BriefgenError(Exception):
    """Base of every error briefgen reports to the user."""

    exit_code = 1


class UsageError(BriefgenError):
    """The command was given something it cannot work with (a missing folder, a bad option)."""

    exit_code = 2


class ArticleError(BriefgenError):
    """One article (or one row of a CSV/JSONL file) cannot be read; the rest of the corpus goes on."""

    def __init__(self, path: str, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class NoArticlesError(BriefgenError):
    """Not one article of the corpus could be read: there is nothing to make a brief of."""

    exit_code = 6

    def __init__(self, message: str, problems: Iterable[object] = ()):
        super().__init__(message)
        self.problems = tuple(problems)  # the files left out, to be listed before the error


class TemplateError(BriefgenError):
    """A template is missing, invalid, or refers to something the brief does not have."""

    exit_code = 3


class RenderError(BriefgenError):
    """A document could not be written."""

    exit_code = 4
