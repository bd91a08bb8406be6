"""Live video: sources (demo scene, file, network stream), the capture
pipeline that runs on its own thread, and the frames they produce.

Plain Python and OpenCV, no Qt; the video pane in ``hms_desk.ui`` shows it.
"""

from hms_desk.video.frames import Coverage, Frame, Processed
from hms_desk.video.pipeline import FramePipeline, PipelineState, PipelineStats
from hms_desk.video.sources import (
    DemoSource,
    FileSource,
    FrameSource,
    SourceError,
    StreamSource,
    source_from_spec,
)

__all__ = [
    "Coverage",
    "DemoSource",
    "FileSource",
    "Frame",
    "FramePipeline",
    "FrameSource",
    "PipelineState",
    "PipelineStats",
    "Processed",
    "SourceError",
    "StreamSource",
    "source_from_spec",
]
