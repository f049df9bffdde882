using PureHDF;
using PureHDF.Selections;

namespace DetectorDaq.Files;

/// <summary>
/// A one-dimensional per-frame dataset written one chunk at a time: values collect in a buffer of
/// one chunk and go to the file when it fills, because PureHDF writes each chunk exactly once.
/// </summary>
internal sealed class ChunkedColumn<T>
    where T : unmanaged
{
    private readonly T[] _buffer;
    private readonly ulong _length;
    private ulong _chunkStart;
    private int _filled;

    public ChunkedColumn(ulong length, uint chunkLength)
    {
        _length = length;
        _buffer = new T[chunkLength];
        Dataset = new H5Dataset<T[]>(fileDims: [length], chunks: [chunkLength]);
    }

    public H5Dataset<T[]> Dataset { get; }

    public void Append(H5NativeWriter writer, T value)
    {
        _buffer[_filled++] = value;
        if (_filled == _buffer.Length || _chunkStart + (ulong)_filled == _length)
        {
            Flush(writer);
        }
    }

    private void Flush(H5NativeWriter writer)
    {
        if (_filled == 0)
        {
            return;
        }

        var block = _filled == _buffer.Length ? _buffer : _buffer[.._filled];
        writer.Write(Dataset, block, fileSelection: new HyperslabSelection(_chunkStart, (ulong)_filled));
        _chunkStart += (ulong)_filled;
        _filled = 0;
    }
}
