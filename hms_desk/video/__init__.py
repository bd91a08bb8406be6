"""Live video: sources (demo scene, file, network stream), the capture
pipeline that runs on its own thread, and the frames they produce.

Plain Python and OpenCV, no Qt; the video pane in ``hms_desk.ui`` shows it.
"""

from hms_desk.video.frames import Frame
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
    "DemoSource",
    "FileSource",
    "Frame",
    "FramePipeline",
    "FrameSource",
    "PipelineState",
    "PipelineStats",
    "SourceError",
    "StreamSource",
    "source_from_spec",
]
