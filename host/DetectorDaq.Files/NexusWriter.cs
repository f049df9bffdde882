using DetectorDaq.Frames;
using PureHDF;
using PureHDF.Selections;

namespace DetectorDaq.Files;

/// <summary>
/// Streams detector frames into a NeXus (NXtomo) file with the layout of DESIGN.md §6. Image data
/// goes into contiguous datasets preallocated for the run and written in place frame by frame, so
/// memory stays bounded (one frame of buffers; the per-frame metadata columns, 22 bytes a frame, are
/// chunked 4096 entries at a time) whatever the run length. Each frame's integrator side (dual-integrator
/// chips such as the DDC264) goes into <c>integrator_side</c>, so offline calibration applies the
/// constants of the side that produced it.
/// </summary>
/// <remarks>
/// PureHDF 2.2 creates datasets with fixed dimensions and writes each chunk once, so the frame count
/// is preset from <see cref="NexusWriterOptions.ExpectedFrames"/> and frames are written in
/// frame-number order (frame number = index in the file). A frame number that skips ahead leaves the
/// frames in between written as zeros with <c>frame_complete</c> = 0, <c>image_key</c> = 3 (NXtomo
/// "invalid") and <c>integrator_side</c> = 0; the same happens for frames still missing at
/// <see cref="Complete"/>. Frames whose number was already passed, or lies beyond the preset count, are
/// dropped and counted in <see cref="FramesDropped"/>. Frames written without a calibrated image get NaN
/// in <c>/entry/calibrated/data</c>.
/// </remarks>
public sealed class NexusWriter : IFrameSink
{
    private const uint MetadataChunkLength = 4096;

    private readonly H5NativeWriter _writer;
    private readonly H5Dataset<int[]> _raw;
    private readonly H5Dataset<float[]>? _calibrated;
    private readonly ChunkedColumn<int> _imageKey;
    private readonly ChunkedColumn<ulong> _frameNumber;
    private readonly ChunkedColumn<ulong> _timestamp;
    private readonly ChunkedColumn<byte> _frameComplete;
    private readonly ChunkedColumn<byte> _integratorSide;
    private readonly int[] _zeroCodes;
    private readonly float[]? _calibratedBuffer;
    private readonly ulong _expectedFrames;
    private ulong _nextFrame;
    private bool _completed;

    /// <summary>Creates <paramref name="path"/> (overwriting it) for a run of <paramref name="geometry"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than one expected frame.</exception>
    /// <exception cref="IOException">The file cannot be created.</exception>
    public NexusWriter(string path, DetectorGeometry geometry, NexusWriterOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ExpectedFrames, 1);
        Path = path;
        Geometry = geometry;
        _expectedFrames = (ulong)options.ExpectedFrames;
        var frameDims = new[] { _expectedFrames, (ulong)geometry.Rows, (ulong)geometry.Columns };
        var columnChunk = (uint)Math.Min(_expectedFrames, MetadataChunkLength);

        // Image data is contiguous, preallocated for the expected frames and written in place as frames
        // arrive: PureHDF 2.2.0 keeps every chunk of a chunked dataset in memory until the file closes,
        // while a contiguous hyperslab write goes straight to the file, so memory stays bounded.
        _raw = new H5Dataset<int[]>(fileDims: frameDims);
        _imageKey = new ChunkedColumn<int>(_expectedFrames, columnChunk);
        _frameNumber = new ChunkedColumn<ulong>(_expectedFrames, columnChunk);
        _timestamp = new ChunkedColumn<ulong>(_expectedFrames, columnChunk);
        _timestamp.Dataset.Attributes = new() { ["units"] = "ns" };
        _frameComplete = new ChunkedColumn<byte>(_expectedFrames, columnChunk);
        _integratorSide = new ChunkedColumn<byte>(_expectedFrames, columnChunk);
        _integratorSide.Dataset.Attributes = new()
        {
            ["long_name"] = "integrator side",
            ["description"] = "integrator of a dual-integrator chip (DDC264) that produced the frame: 0 = side A, 1 = side B; 0 for single-integrator chips",
        };
        _zeroCodes = new int[geometry.PixelCount];

        var entry = new H5Group
        {
            Attributes = new() { [NexusPaths.NexusClass] = "NXentry" },
            ["definition"] = "NXtomo",
            ["start_time"] = (options.StartTime ?? DateTimeOffset.Now).ToString("o"),
            ["instrument"] = new H5Group
            {
                Attributes = new() { [NexusPaths.NexusClass] = "NXinstrument" },
                ["detector"] = new H5Group
                {
                    Attributes = new() { [NexusPaths.NexusClass] = "NXdetector" },
                    ["data"] = _raw,
                    ["image_key"] = _imageKey.Dataset,
                    ["frame_number"] = _frameNumber.Dataset,
                    ["timestamp"] = _timestamp.Dataset,
                    ["frame_complete"] = _frameComplete.Dataset,
                    [NexusPaths.IntegratorSideName] = _integratorSide.Dataset,
                },
            },
            ["data"] = new H5Group
            {
                Attributes = new() { [NexusPaths.NexusClass] = "NXdata", ["signal"] = "data" },
                ["data"] = new H5SoftLink(NexusPaths.RawData),
                ["image_key"] = new H5SoftLink(NexusPaths.Detector + "/image_key"),
            },
        };

        if (options.CalibrationVersion is { } version)
        {
            _calibrated = new H5Dataset<float[]>(fileDims: frameDims);
            _calibratedBuffer = new float[geometry.PixelCount];
            entry["calibrated"] = new H5Group
            {
                Attributes = new() { [NexusPaths.NexusClass] = "NXdata", ["signal"] = "data" },
                ["data"] = _calibrated,
                ["image_key"] = new H5SoftLink(NexusPaths.Detector + "/image_key"),
                [NexusPaths.CalibrationVersionName] = version,
            };
        }

        var file = new H5File { ["entry"] = entry };
        _writer = file.BeginWrite(path);
    }

    /// <summary>The file written.</summary>
    public string Path { get; }

    /// <summary>Geometry of the frames.</summary>
    public DetectorGeometry Geometry { get; }

    /// <summary>Frames written with data (not counting zero frames for gaps).</summary>
    public long FramesWritten { get; private set; }

    /// <summary>Frames that never arrived, written as zeros with frame_complete = 0.</summary>
    public long FramesMissing { get; private set; }

    /// <summary>Frames dropped: number already passed or beyond the preset count.</summary>
    public long FramesDropped { get; private set; }

    /// <summary>Writes a raw frame; with calibrated data enabled its calibrated image is NaN.</summary>
    /// <exception cref="ArgumentException">The frame has another geometry.</exception>
    /// <exception cref="ObjectDisposedException">After <see cref="Complete"/>.</exception>
    public void Write(DetectorFrame frame) => Write(frame, ReadOnlySpan<float>.Empty, calibratedGiven: false);

    /// <summary>Writes a raw frame and its calibrated image (one float per pixel, row-major).</summary>
    /// <exception cref="ArgumentException">The frame has another geometry or the calibrated image another pixel count.</exception>
    /// <exception cref="InvalidOperationException">The writer was created without a calibration version.</exception>
    /// <exception cref="ObjectDisposedException">After <see cref="Complete"/>.</exception>
    public void Write(DetectorFrame frame, ReadOnlySpan<float> calibrated) => Write(frame, calibrated, calibratedGiven: true);

    /// <summary>Writes a raw frame and its calibrated image.</summary>
    public void Write(CalibratedFrame frame) => Write(frame.Raw, frame.Calibrated.Span);

    /// <summary>Writes the frames that never arrived as zeros and closes the file.</summary>
    public void Complete()
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        try
        {
            while (_nextFrame < _expectedFrames)
            {
                WriteMissing();
            }
        }
        finally
        {
            _writer.Dispose();
        }
    }

    /// <summary>Completes the file (see <see cref="Complete"/>).</summary>
    public void Dispose() => Complete();

    private void Write(DetectorFrame frame, ReadOnlySpan<float> calibrated, bool calibratedGiven)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        if (frame.Codes.Length != Geometry.PixelCount)
        {
            throw new ArgumentException($"frame {frame.FrameNumber} has {frame.Codes.Length} pixels, the file holds {Geometry.PixelCount}");
        }

        if (calibratedGiven)
        {
            if (_calibratedBuffer is null)
            {
                throw new InvalidOperationException($"{Path} was opened without a calibration version, so it takes no calibrated images");
            }

            if (calibrated.Length != Geometry.PixelCount)
            {
                throw new ArgumentException($"calibrated image of frame {frame.FrameNumber} has {calibrated.Length} pixels, the file holds {Geometry.PixelCount}");
            }
        }

        if (frame.FrameNumber < _nextFrame || frame.FrameNumber >= _expectedFrames)
        {
            FramesDropped++;
            return;
        }

        while (_nextFrame < frame.FrameNumber)
        {
            WriteMissing();
        }

        var selection = FrameSelection(_nextFrame);
        _writer.Write(_raw, frame.Codes, fileSelection: selection);
        if (_calibrated is not null)
        {
            if (calibratedGiven)
            {
                calibrated.CopyTo(_calibratedBuffer);
            }
            else
            {
                Array.Fill(_calibratedBuffer!, float.NaN);
            }

            _writer.Write(_calibrated, _calibratedBuffer!, fileSelection: selection);
        }

        AppendMetadata((int)frame.ImageKey, frame.FrameNumber, frame.TimestampNanoseconds, frame.Complete, frame.IntegratorSideB);
        FramesWritten++;
    }

    private void WriteMissing()
    {
        var selection = FrameSelection(_nextFrame);
        _writer.Write(_raw, _zeroCodes, fileSelection: selection);
        if (_calibrated is not null)
        {
            Array.Clear(_calibratedBuffer!);
            _writer.Write(_calibrated, _calibratedBuffer!, fileSelection: selection);
        }

        AppendMetadata(imageKey: 3, _nextFrame, timestamp: 0, complete: false, sideB: false);
        FramesMissing++;
    }

    private void AppendMetadata(int imageKey, ulong frameNumber, ulong timestamp, bool complete, bool sideB)
    {
        _imageKey.Append(_writer, imageKey);
        _frameNumber.Append(_writer, frameNumber);
        _timestamp.Append(_writer, timestamp);
        _frameComplete.Append(_writer, complete ? (byte)1 : (byte)0);
        _integratorSide.Append(_writer, sideB ? (byte)1 : (byte)0);
        _nextFrame++;
    }

    private HyperslabSelection FrameSelection(ulong frame) =>
        new(rank: 3, starts: [frame, 0, 0], blocks: [1, (ulong)Geometry.Rows, (ulong)Geometry.Columns]);
}
