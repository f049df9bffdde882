using DetectorDaq.Frames;
using DetectorDaq.Hil.Signals;
using UnitsNet;

namespace DetectorDaq.Hil.Recordings;

/// <summary>Replays a <see cref="Recording"/> through the HIL's signal delegates: one recording sample per frame or conversion.</summary>
public static class RecordingSignals
{
    /// <summary>
    /// Input currents of <paramref name="module"/>'s channels: module channel c reads the recording at
    /// row <c>FirstRow + c / Columns</c>, column <c>FirstColumn + c % Columns</c> (the
    /// <see cref="ModuleGeometry"/> mapping), and frame index n reads sample n, wrapped or clamped at
    /// the ends as <paramref name="end"/> says.
    /// </summary>
    /// <exception cref="ArgumentException">The recording is not a current recording or does not cover the module.</exception>
    public static CurrentSignal Current(Recording recording, ModuleGeometry module, RecordingEnd end = RecordingEnd.Wrap)
    {
        if (recording.Kind != RecordingKind.Current)
        {
            throw new ArgumentException($"a {recording.Units} recording cannot drive a current input");
        }

        if (module.FirstRow + module.Rows > recording.Rows || module.FirstColumn + module.Columns > recording.Columns)
        {
            throw new ArgumentException($"module {module.ModuleId} ({module.Rows} x {module.Columns} at row {module.FirstRow}, column {module.FirstColumn}) lies outside the {recording.Rows} x {recording.Columns} recording");
        }

        return (channel, frameIndex) =>
        {
            ArgumentOutOfRangeException.ThrowIfNegative(channel);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(channel, module.ChannelCount);
            var sample = recording.SampleAt(frameIndex, end);
            return ElectricCurrent.FromAmperes(recording.Value(sample, module.FirstRow + (channel / module.Columns), module.FirstColumn + (channel % module.Columns)));
        };
    }

    /// <summary>
    /// Input voltages of an ADC's <paramref name="channelCount"/> channels (8 for the ADS131M08): ADC
    /// channel c reads recording channel <paramref name="firstChannel"/> + c in row-major order, and
    /// conversion n reads sample n, wrapped or clamped at the ends as <paramref name="end"/> says.
    /// </summary>
    /// <exception cref="ArgumentException">The recording is not a voltage recording or has too few channels.</exception>
    public static VoltageSignal Voltage(Recording recording, int firstChannel = 0, int channelCount = 8, RecordingEnd end = RecordingEnd.Wrap)
    {
        if (recording.Kind != RecordingKind.Voltage)
        {
            throw new ArgumentException($"a {recording.Units} recording cannot drive a voltage input");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(firstChannel);
        if (firstChannel + channelCount > recording.ChannelCount)
        {
            throw new ArgumentException($"channels {firstChannel}…{firstChannel + channelCount - 1} lie outside the recording's {recording.ChannelCount} channels");
        }

        return (channel, sampleIndex) =>
        {
            ArgumentOutOfRangeException.ThrowIfNegative(channel);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(channel, channelCount);
            var sample = recording.SampleAt(sampleIndex, end);
            return ElectricPotential.FromVolts(recording.SampleValues(sample)[firstChannel + channel]);
        };
    }
}
