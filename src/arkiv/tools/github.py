"""Fel i datafilerna som GitHubs arbetsflödeskommandon (::error file=…,line=…::…), som visas på raden i en pull
request."""

from __future__ import annotations

from arkiv.errors import DataError

# GitHub shows at most this many error annotations per step; the rest are only in the log.
SHOWN_PER_STEP = 10


# Escape a command's message the way the Actions runner reads it back: %, CR and LF.
def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


# Escape a property value (file, title): as the message, and also : and , which separate the properties.
def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


# One workflow command line: ::error file=…,line=…::message. Properties keep their order; None ones are left out.
def command(name: str, message: str, **properties) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items() if value is not None)
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


# A data error as an annotation on its file, line and column, with the same message and advice as the terminal.
def error_annotation(error: DataError) -> str:
    title = "Fel i filen" if not error.path else f"Fel i fältet {error.field}"
    return command("error", error.explanation, file=error.file, line=error.line, col=error.column, title=title)


# Every error as an annotation, and a notice when there are more than GitHub shows beside the lines.
def error_annotations(errors: list[DataError]) -> list[str]:
    lines = [error_annotation(e) for e in errors]
    if len(errors) > SHOWN_PER_STEP:
        lines.append(command("notice", f"GitHub visar bara de {SHOWN_PER_STEP} första felen vid raderna. "
                                       f"Alla {len(errors)} fel står i loggen för steget.",
                             title=f"{len(errors)} fel i datafilerna"))
    return lines
