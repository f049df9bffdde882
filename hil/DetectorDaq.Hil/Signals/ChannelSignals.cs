using UnitsNet;

namespace DetectorDaq.Hil.Signals;

/// <summary>Differential input voltage of <paramref name="channel"/> at conversion <paramref name="sampleIndex"/>.</summary>
public delegate ElectricPotential VoltageSignal(int channel, long sampleIndex);

/// <summary>
/// Input current of module channel <paramref name="channel"/> during integration <paramref name="frameIndex"/>;
/// a current-input ADC integrates it over the integration period into a charge.
/// </summary>
public delegate ElectricCurrent CurrentSignal(int channel, long frameIndex);
