using Accreditation.Enrolment.Domain;

namespace Accreditation.Enrolment.Tests.Domain;

public sealed class RolloutPhaseTests
{
    private static readonly LocalAuthorityCatalog Catalog = LocalAuthorityCatalog.LoadEmbedded();

    [Fact]
    public void Create_Phase1WithoutList_TheFivePilotAuthorities()
    {
        var phase = RolloutPhase.Create("phase-1", [], Catalog);

        Assert.Equal(["Bury", "Leeds", "Manchester", "Oldham", "Wigan"], phase.Participants.Select(a => a.Name).Order());
    }

    [Fact]
    public void Create_National_EveryAuthority()
    {
        var phase = RolloutPhase.Create("national", [], Catalog);

        Assert.Equal(153, phase.Participants.Count);
        Assert.True(phase.Includes(Catalog.Find("E06000053")!));
    }

    [Fact]
    public void Create_Phase2WithTwentyAuthorities_Allowed()
    {
        var codes = Catalog.All.Take(20).Select(a => a.GssCode);

        Assert.Equal(20, RolloutPhase.Create("phase-2", codes, Catalog).Participants.Count);
    }

    [Fact]
    public void Create_Phase2WithTwentyOneAuthorities_Refused()
    {
        var codes = Catalog.All.Take(21).Select(a => a.GssCode);

        var e = Assert.Throws<InvalidOperationException>(() => RolloutPhase.Create("phase-2", codes, Catalog));
        Assert.Contains("at most 20", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_Phase2WithoutList_Refused() =>
        Assert.Throws<InvalidOperationException>(() => RolloutPhase.Create("phase-2", [], Catalog));

    [Fact]
    public void Create_UnknownAuthorityCode_RefusedNamingIt()
    {
        var e = Assert.Throws<InvalidOperationException>(() => RolloutPhase.Create("phase-1", ["E08000002", "X1"], Catalog));
        Assert.Contains("X1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_UnknownPhaseName_Refused() =>
        Assert.Throws<InvalidOperationException>(() => RolloutPhase.Create("phase-3", [], Catalog));

    [Fact]
    public void Includes_AuthorityOutsidePhase1_False() =>
        Assert.False(RolloutPhase.Create("phase-1", [], Catalog).Includes(Catalog.Find("E08000039")!));
}
