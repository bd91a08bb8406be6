"""Finding and hiding faces, split by responsibility.

* :mod:`.detector` – the CenterFace model and one network pass (one
  onnxruntime session for the whole process, shared by still and live);
* :mod:`.hiding` – blur or pixelate regions, failing closed;
* :mod:`.still` – still mode for every picture that is stored or exported;
* :mod:`.tracker` – where faces may be between detections in a live stream
  (used by :mod:`hms_desk.video.live_blur`).

:mod:`hms_desk.video.anonymise` re-exports the names the rest of the app uses.
"""
