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
}
