using System.Buffers;
using System.Text.Json;

namespace DetectorDaq.Streaming;

/// <summary>
/// The JSON headers of the live stream, modelled on Dectris' stream (<c>htype</c> "dimage-1.0",
/// "dseries_end-1.0") and PSI slsDetector's ZeroMQ header (frame index, shape, completeness), UTF-8.
/// <code>
/// image message, 2 parts:
///   [0] {"htype":"image-1.0","detector_id":"detdaq","frame_number":17,"shape":[rows,columns],
///        "dtype":"int32"|"float32","endianness":"little","size":bytes,"image_key":0|1|2,
///        "timestamp":ns,"complete":true,"complete_modules":bitmask,"integrator_side":"A"|"B"}
///   [1] rows × columns values, row-major, little-endian, dtype as in the header
/// end of run, 1 part:
///   [0] {"htype":"series_end-1.0","detector_id":"detdaq","frames_published":n,"frames_dropped":m}
/// </code>
/// </summary>
internal static class StreamHeader
{
    /// <summary><c>htype</c> of an image header.</summary>
    public const string ImageType = "image-1.0";

    /// <summary><c>htype</c> of the end-of-run message.</summary>
    public const string SeriesEndType = "series_end-1.0";

    public static void WriteImage(ArrayBufferWriter<byte> buffer, string detectorId, in FrameMetadata frame, int rows, int columns, bool calibrated)
    {
        buffer.ResetWrittenCount();
        using var json = new Utf8JsonWriter(buffer);
        json.WriteStartObject();
        json.WriteString("htype", ImageType);
        json.WriteString("detector_id", detectorId);
        json.WriteNumber("frame_number", frame.FrameNumber);
        json.WriteStartArray("shape");
        json.WriteNumberValue(rows);
        json.WriteNumberValue(columns);
        json.WriteEndArray();
        json.WriteString("dtype", calibrated ? "float32" : "int32");
        json.WriteString("endianness", "little");
        json.WriteNumber("size", rows * columns * sizeof(int));
        json.WriteNumber("image_key", frame.ImageKey);
        json.WriteNumber("timestamp", frame.TimestampNanoseconds);
        json.WriteBoolean("complete", frame.Complete);
        json.WriteNumber("complete_modules", frame.CompleteModules);
        json.WriteString("integrator_side", frame.IntegratorSideB ? "B" : "A");
        json.WriteEndObject();
    }

    public static void WriteSeriesEnd(ArrayBufferWriter<byte> buffer, string detectorId, long published, long dropped)
    {
        buffer.ResetWrittenCount();
        using var json = new Utf8JsonWriter(buffer);
        json.WriteStartObject();
        json.WriteString("htype", SeriesEndType);
        json.WriteString("detector_id", detectorId);
        json.WriteNumber("frames_published", published);
        json.WriteNumber("frames_dropped", dropped);
        json.WriteEndObject();
    }
}
