namespace Accreditation.BuildingBlocks.Hosting;

/// <summary>Which service this process is: its name is also its Dapr app id.</summary>
public sealed record ServiceIdentity(string AppId);
