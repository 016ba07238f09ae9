using Accreditation.Cli.Bank;
using Accreditation.Contracts.Testing.V1;
using Accreditation.Testing.Domain;

namespace Accreditation.Testing.Tests.Domain;

public sealed class BankItemChangeTests
{
    private static readonly Item Draft = SampleBank.Create().Items[0];

    [Fact]
    public void NextVersion_NewItem_VersionOneActive()
    {
        var first = BankItemChange.NextVersion(Draft, null);

        Assert.NotNull(first);
        Assert.Equal(1, first.Version);
        Assert.Equal(ItemStatus.Active, first.Status);
    }

    [Fact]
    public void NextVersion_SameContent_Unchanged()
    {
        var stored = BankItemChange.NextVersion(Draft, null)!;

        Assert.Null(BankItemChange.NextVersion(Draft, stored));
    }

    [Fact]
    public void NextVersion_ChangedStem_NextVersion()
    {
        var stored = BankItemChange.NextVersion(Draft, null)!;
        var edited = Draft.Clone();
        edited.Stem += " (revised)";

        Assert.Equal(2, BankItemChange.NextVersion(edited, stored)!.Version);
    }
}
