namespace DetectorDaq.Frames;

/// <summary>The detector image and the modules that tile it.</summary>
public sealed class DetectorGeometry
{
    /// <summary>Creates a geometry; modules must lie inside the image and not overlap.</summary>
    /// <exception cref="ArgumentException">A module lies outside the image, overlaps another, or two share an id.</exception>
    public DetectorGeometry(int rows, int columns, IReadOnlyList<ModuleGeometry> modules)
    {
        if (rows < 1 || columns < 1)
        {
            throw new ArgumentException($"detector must have at least one row and column, not {rows} x {columns}");
        }

        var owner = new int[rows * columns];
        Array.Fill(owner, -1);
        foreach (var module in modules)
        {
            if (module.Rows < 1 || module.Columns < 1 || module.FirstRow < 0 || module.FirstColumn < 0 || module.FirstRow + module.Rows > rows || module.FirstColumn + module.Columns > columns)
            {
                throw new ArgumentException($"module {module.ModuleId} ({module.Rows} x {module.Columns} at row {module.FirstRow}, column {module.FirstColumn}) lies outside the {rows} x {columns} detector");
            }

            if (modules.Count(m => m.ModuleId == module.ModuleId) > 1)
            {
                throw new ArgumentException($"module id {module.ModuleId} is used twice");
            }

            for (var channel = 0; channel < module.ChannelCount; channel++)
            {
                var pixel = module.PixelIndex(channel, columns);
                if (owner[pixel] >= 0)
                {
                    throw new ArgumentException($"modules {owner[pixel]} and {module.ModuleId} overlap at row {pixel / columns}, column {pixel % columns}");
                }

                owner[pixel] = module.ModuleId;
            }
        }

        Rows = rows;
        Columns = columns;
        Modules = modules;
    }

    /// <summary>Image rows.</summary>
    public int Rows { get; }

    /// <summary>Image columns.</summary>
    public int Columns { get; }

    /// <summary>Pixels per frame.</summary>
    public int PixelCount => Rows * Columns;

    /// <summary>The modules.</summary>
    public IReadOnlyList<ModuleGeometry> Modules { get; }

    /// <summary>
    /// A geometry of <paramref name="moduleCount"/> modules that split the columns of a
    /// <paramref name="rows"/> × <paramref name="columns"/> image evenly (ids 0, 1, …).
    /// </summary>
    /// <exception cref="ArgumentException">The columns do not divide evenly.</exception>
    public static DetectorGeometry ColumnStrips(int rows, int columns, int moduleCount)
    {
        if (moduleCount < 1 || columns % moduleCount != 0)
        {
            throw new ArgumentException($"{columns} columns do not split into {moduleCount} equal modules");
        }

        var width = columns / moduleCount;
        return new DetectorGeometry(rows, columns, Enumerable.Range(0, moduleCount).Select(m => new ModuleGeometry(m, 0, m * width, rows, width)).ToArray());
    }
}
