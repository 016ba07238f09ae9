using System.Runtime.InteropServices;

namespace Accreditation.LoadGen.Report;

/// <summary>The machine and build the numbers come from.</summary>
public sealed record MachineReport(int Cores, string Os, string Architecture, string Runtime, string ClientBuild)
{
    public static MachineReport Current() => new(
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.OSArchitecture.ToString(),
        RuntimeInformation.FrameworkDescription,
#if DEBUG
        "Debug");
#else
        "Release");
#endif
}
