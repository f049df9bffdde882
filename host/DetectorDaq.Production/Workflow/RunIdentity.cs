namespace DetectorDaq.Production.Workflow;

/// <summary>Who and where: the device under test's serial number and the test station's id.</summary>
/// <param name="DutSerial">Serial number of the module under test.</param>
/// <param name="Station">Id of the test station.</param>
public sealed record RunIdentity(string DutSerial, string Station);
