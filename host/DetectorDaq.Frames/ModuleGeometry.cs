namespace DetectorDaq.Frames;

/// <summary>
/// Where one detector module's channels sit in the detector image: a rectangle of
/// <paramref name="Rows"/> × <paramref name="Columns"/> pixels at (<paramref name="FirstRow"/>,
/// <paramref name="FirstColumn"/>), filled row-major by module channel index.
/// </summary>
/// <param name="ModuleId">Module identifier, as in the data packets.</param>
/// <param name="FirstRow">Top row of the module in the detector image.</param>
/// <param name="FirstColumn">Left column of the module in the detector image.</param>
/// <param name="Rows">Rows the module covers.</param>
/// <param name="Columns">Columns the module covers.</param>
public sealed record ModuleGeometry(int ModuleId, int FirstRow, int FirstColumn, int Rows, int Columns)
{
    /// <summary>Channels of the module.</summary>
    public int ChannelCount => Rows * Columns;

    /// <summary>Index in a detector image of <paramref name="detectorColumns"/> columns of module channel <paramref name="channel"/>.</summary>
    public int PixelIndex(int channel, int detectorColumns) =>
        ((FirstRow + (channel / Columns)) * detectorColumns) + FirstColumn + (channel % Columns);

    /// <summary>Copies the module's pixels out of a detector <paramref name="image"/> of <paramref name="detectorColumns"/> columns into <paramref name="module"/> (module-channel order), row by row.</summary>
    /// <exception cref="ArgumentException">A span is too small.</exception>
    public void Gather<T>(ReadOnlySpan<T> image, int detectorColumns, Span<T> module)
    {
        for (var row = 0; row < Rows; row++)
        {
            image.Slice(PixelIndex(row * Columns, detectorColumns), Columns).CopyTo(module.Slice(row * Columns, Columns));
        }
    }

    /// <summary>Copies <paramref name="module"/> (module-channel order) into the module's pixels of a detector <paramref name="image"/>, row by row.</summary>
    /// <exception cref="ArgumentException">A span is too small.</exception>
    public void Scatter<T>(ReadOnlySpan<T> module, int detectorColumns, Span<T> image)
    {
        for (var row = 0; row < Rows; row++)
        {
            module.Slice(row * Columns, Columns).CopyTo(image.Slice(PixelIndex(row * Columns, detectorColumns), Columns));
        }
    }
}
