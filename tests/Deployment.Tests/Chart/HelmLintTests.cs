using Accreditation.Deployment.Tests.Support;

namespace Accreditation.Deployment.Tests.Chart;

/// <summary>helm lint and helm template succeed for every phase's values.</summary>
public sealed class HelmLintTests
{
    public static TheoryData<string> Phases => new(Support.Chart.PhaseValuesFiles);

    [Theory]
    [MemberData(nameof(Phases))]
    public async Task Lint_PhaseValues_Passes(string valuesFile)
    {
        var (exit, output, error) = await Helm.RunAsync(["lint", Repository.PathOf("charts", "accreditation"), "--strict", "-f", Support.Chart.ValuesFile(valuesFile), "--set", "auth.authority=" + Support.Chart.Authority]);

        Assert.True(exit == 0, output + error);
    }

    [Theory]
    [MemberData(nameof(Phases))]
    public async Task Template_PhaseValues_RendersEveryKind(string valuesFile)
    {
        var rendered = await Support.Chart.RenderAsync(valuesFile);

        Assert.Subset(
            rendered.Select(d => (string)d["kind"]!).ToHashSet(),
            new HashSet<string> { "Deployment", "Service", "StatefulSet", "Secret", "ServiceAccount", "NetworkPolicy", "HorizontalPodAutoscaler", "PodDisruptionBudget", "Component", "Configuration", "Resiliency", "Pod", "ConfigMap" });
    }
}
