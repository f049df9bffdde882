using DetectorDaq.Calibration.Constants;
using DetectorDaq.Frames;

namespace DetectorDaq.Calibration.Chain;

/// <summary>
/// The calibration chain inside the acquisition stream for a whole detector: every module's pixels go
/// through a <see cref="CalibrationChain"/> with that module's constants and the integrator side
/// it delivered, in acquisition order (the lag correction is stateful).
/// <list type="bullet">
/// <item>Darks of the run replace the constants' offsets (per module and side) from the first frame
/// after them on, when <see cref="StreamingCalibrationOptions.OffsetFromRunDarks"/> is set: the dark
/// level drifts with temperature, the gain and the bad channels do not.</item>
/// <item>Flats of the run go through the chain without lag and are averaged; projections are then
/// normalised by that mean (and −ln taken when asked), as <see cref="CalibrationChain.FlatFieldFrom"/>
/// does offline. Before any flat, projections come out as linear, gain-corrected codes. Darks belong
/// before the flats (as in an NXtomo sequence): flats already averaged keep the offsets they were
/// corrected with, and new offsets restart the lag correction.</item>
/// <item>Each module is corrected with the constants of the integrator side it delivered
/// (<see cref="DetectorFrame.SideBModules"/>), so a module out of step with the others still gets its own.</item>
/// <item>A module that did not deliver all its packets gives NaN for its pixels, not a wrong value.</item>
/// </list>
/// <see cref="Process"/> allocates nothing per frame; the chains are rebuilt only when the offsets change.
/// </summary>
public sealed class StreamingCalibration
{
    private readonly ModuleStage[] _modules;
    private readonly StreamingCalibrationOptions _options;
    private readonly ReferenceAccumulator _flats;
    private readonly float[] _scratch;
    private FlatFieldCorrection? _flatField;

    /// <summary>Creates the stream calibration for <paramref name="geometry"/> with one set of constants per module id.</summary>
    /// <exception cref="ArgumentException">A module has no constants, or its constants have another layout than the module.</exception>
    public StreamingCalibration(DetectorGeometry geometry, IReadOnlyDictionary<int, CalibrationConstants> constants, StreamingCalibrationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(constants);
        _options = options ?? new StreamingCalibrationOptions();
        _modules = geometry.Modules.Select((module, index) => new ModuleStage(index, module, geometry.Columns, ConstantsOf(module, constants), _options.OffsetFromRunDarks)).ToArray();
        _flats = new ReferenceAccumulator(geometry.PixelCount);
        _scratch = new float[geometry.PixelCount];
        PixelCount = geometry.PixelCount;
        Version = string.Join(',', _modules.Select(stage => stage.Constants.VersionLabel));
    }

    /// <summary>Pixels per detector frame.</summary>
    public int PixelCount { get; }

    /// <summary>The constants in use (<see cref="CalibrationConstants.VersionLabel"/>), comma-separated in module order.</summary>
    public string Version { get; }

    /// <summary>Flat frames averaged so far; projections are normalised once this is above 0.</summary>
    public int FlatCount => _flats.Count;

    /// <summary>
    /// Takes the next frame of the run: a dark or flat updates the references and returns false; a
    /// projection is calibrated into <paramref name="output"/> (detector pixel order) and returns true.
    /// </summary>
    /// <exception cref="ArgumentException">The frame or the output does not have <see cref="PixelCount"/> pixels.</exception>
    public bool Process(DetectorFrame frame, Span<float> output)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ChannelStatistics.CheckLength(frame.Codes.Length, PixelCount);
        ChannelStatistics.CheckLength(output.Length, PixelCount);
        switch (frame.ImageKey)
        {
            case ImageKey.Dark:
                if (_options.OffsetFromRunDarks)
                {
                    foreach (var stage in _modules)
                    {
                        stage.AddDark(frame);
                    }
                }

                return false;
            case ImageKey.Flat:
                // A flat with a module missing would put NaN into the normalisation for the rest of the run.
                if (frame.Complete)
                {
                    Correct(frame, _scratch, flat: true);
                    _flats.Add(_scratch);
                    _flatField = null;
                }

                return false;
            default:
                Correct(frame, output, flat: false);
                if (_flats.Count > 0)
                {
                    _flatField ??= NormalisationFromFlats();
                    _flatField.Apply(output, output, _options.MinusLog);
                }

                return true;
        }
    }

    private void Correct(DetectorFrame frame, Span<float> output, bool flat)
    {
        foreach (var stage in _modules)
        {
            stage.Correct(frame, output, flat);
        }
    }

    private FlatFieldCorrection NormalisationFromFlats()
    {
        var mean = new float[PixelCount];
        _flats.Mean(mean);
        return new FlatFieldCorrection(new float[PixelCount], mean);
    }

    private static CalibrationConstants ConstantsOf(ModuleGeometry module, IReadOnlyDictionary<int, CalibrationConstants> constants)
    {
        if (!constants.TryGetValue(module.ModuleId, out var found))
        {
            throw new ArgumentException($"module {module.ModuleId} has no calibration constants");
        }

        if (found.Rows != module.Rows || found.Columns != module.Columns)
        {
            throw new ArgumentException($"constants of {found.ModuleSerial} are for {found.Rows} x {found.Columns} channels, module {module.ModuleId} has {module.Rows} x {module.Columns}");
        }

        return found;
    }

    /// <summary>One module's chains, its dark accumulators and where its channels sit in the detector frame.</summary>
    private sealed class ModuleStage
    {
        private readonly ulong _completeBit;
        private readonly ModuleGeometry _module;
        private readonly int _detectorColumns;
        private readonly int[] _codes;
        private readonly float[] _corrected;
        private readonly double[]? _darkSums;
        private readonly int[]? _darkCounts;
        private bool _darksPending;
        private CalibrationChain _projections;
        private CalibrationChain _flats;

        public ModuleStage(int index, ModuleGeometry module, int detectorColumns, CalibrationConstants constants, bool offsetFromDarks)
        {
            _completeBit = 1UL << index;
            _module = module;
            _detectorColumns = detectorColumns;
            _codes = new int[module.ChannelCount];
            _corrected = new float[module.ChannelCount];
            if (offsetFromDarks)
            {
                _darkSums = new double[constants.Offset.Length];
                _darkCounts = new int[constants.Sides];
            }

            (_projections, _flats) = Chains(constants);
        }

        public CalibrationConstants Constants => _projections.Constants;

        public void AddDark(DetectorFrame frame)
        {
            if ((frame.CompleteModules & _completeBit) == 0)
            {
                return;
            }

            Gather(frame);
            var side = SideOf(frame);
            var start = side * _codes.Length;
            for (var channel = 0; channel < _codes.Length; channel++)
            {
                _darkSums![start + channel] += _codes[channel];
            }

            _darkCounts![side]++;
            _darksPending = true;
        }

        public void Correct(DetectorFrame frame, Span<float> output, bool flat)
        {
            if (_darksPending)
            {
                TakeOffsetsFromDarks();
            }

            if ((frame.CompleteModules & _completeBit) == 0)
            {
                Fill(output, float.NaN);
                return;
            }

            Gather(frame);
            (flat ? _flats : _projections).Apply(_codes, SideOf(frame), _corrected);
            Scatter(_corrected, output);
        }

        // A side the run's darks did not cover keeps the stored offset.
        private void TakeOffsetsFromDarks()
        {
            var constants = Constants;
            var offset = (float[])constants.Offset.Clone();
            for (var side = 0; side < _darkCounts!.Length; side++)
            {
                if (_darkCounts[side] == 0)
                {
                    continue;
                }

                var start = side * _codes.Length;
                for (var channel = 0; channel < _codes.Length; channel++)
                {
                    offset[start + channel] = (float)(_darkSums![start + channel] / _darkCounts[side]);
                }
            }

            Array.Clear(_darkSums!);
            Array.Clear(_darkCounts);
            _darksPending = false;
            (_projections, _flats) = Chains(constants with { Offset = offset });
        }

        private static (CalibrationChain Projections, CalibrationChain Flats) Chains(CalibrationConstants constants) =>
            (new CalibrationChain(constants), new CalibrationChain(constants, new CalibrationChainOptions { Lag = false }));

        private int SideOf(DetectorFrame frame) => (frame.SideBModules & _completeBit) != 0 && Constants.Sides == 2 ? 1 : 0;

        private void Gather(DetectorFrame frame) => _module.Gather<int>(frame.Codes, _detectorColumns, _codes);

        private void Scatter(ReadOnlySpan<float> values, Span<float> output) => _module.Scatter(values, _detectorColumns, output);

        private void Fill(Span<float> output, float value)
        {
            for (var row = 0; row < _module.Rows; row++)
            {
                output.Slice(_module.PixelIndex(row * _module.Columns, _detectorColumns), _module.Columns).Fill(value);
            }
        }
    }
}
