"""A console logger that talks like a good CLI: one line per stage, no event chatter.

Dagster's default console logger prints every engine event (step started, output handled,
input loaded…) as DEBUG lines of ~200 characters. This one prints only what the assets
say at INFO or above, as `HH:MM:SS  message`, plus one line when a step fails. The event
log (and so the UI of `make dev`) still records everything.
"""

import logging
import sys

import dagster as dg
from dagster._core.log_manager import get_log_record_metadata, has_log_record_metadata


class _StageLines(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if not has_log_record_metadata(record):
            return True
        meta = get_log_record_metadata(record)
        event = meta.get("dagster_event")
        if event is None:
            record.msg, record.args = meta.get("orig_message", record.msg), ()
            return True
        if event.is_step_failure:
            message = one_line(event.step_failure_data.error)
            record.msg, record.args = f"{'failed':<9} {event.step_key}: {message}", ()
            return True
        return False


def one_line(error) -> str:
    """The innermost message of a Dagster error, without the exception's class name."""
    while error is not None and error.cause is not None:
        error = error.cause
    if error is None:
        return "failed"
    message = error.message.strip().splitlines()[0]
    prefix, _, rest = message.partition(": ")
    return rest if rest and "." in prefix and " " not in prefix else message


@dg.logger(
    config_schema={"log_level": dg.Field(str, default_value="INFO", is_required=False)},
    description="One line per stage on stderr; Dagster's own event lines left to the event log.",
)
def stage_console(init_context: dg.InitLoggerContext) -> logging.Logger:
    logger = logging.getLogger("vn_reports.run")
    logger.setLevel(init_context.logger_config["log_level"].upper())
    logger.propagate = False
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s  %(message)s", datefmt="%H:%M:%S"))
        handler.addFilter(_StageLines())
        logger.addHandler(handler)
    return logger
