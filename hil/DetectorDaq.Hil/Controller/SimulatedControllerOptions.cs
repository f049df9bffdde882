using System.Net;
using DetectorDaq.Hil.Chips.Ddc264;
using DetectorDaq.Hil.Signals;

namespace DetectorDaq.Hil.Controller;

/// <summary>How a <see cref="SimulatedController"/> is built.</summary>
/// <param name="Port">TCP port of the control server; 0 picks a free one.</param>
/// <param name="Ddc264Chips">DDC264 chips in the chain behind the virtual FPGA (1 to 16); 0 builds an ADS131M08-only board without FPGA.</param>
/// <param name="Fault">Fault injected from the start.</param>
/// <param name="SerialNumber">Serial number reported by Hello.</param>
public sealed record SimulatedControllerOptions(int Port = 0, int Ddc264Chips = 4, HilFault Fault = HilFault.None, string SerialNumber = "HIL-0001")
{
    /// <summary>Address the control server binds to: loopback, since the simulation is for one machine.</summary>
    public IPAddress BindAddress { get; init; } = IPAddress.Loopback;

    /// <summary>Input currents of the DDC264 chain (module channel, frame); null for the built-in rotating cylinder.</summary>
    public CurrentSignal? Ddc264Signal { get; init; }

    /// <summary>
    /// Transfer functions and defects of the DDC264 chain; <see cref="Ddc264ModuleModel.Ideal"/> by default, so a
    /// replay preserves the recording up to quantisation. <see cref="TypicalDdc264Module"/> makes a realistic one.
    /// </summary>
    public Ddc264ModuleModel Ddc264Model { get; init; } = Ddc264ModuleModel.Ideal;

    /// <summary>Input voltages of the ADS131M08; null for the built-in sines.</summary>
    public VoltageSignal? Ads131m08Signal { get; init; }
}
