using Accreditation.AssessmentRules.Kss;
using Accreditation.Contracts.Common.V1;

namespace Accreditation.Testing.Tests.Domain;

public sealed class KssCatalogTests
{
    [Fact]
    public void For_EachRole_ItsStatementsInOrder()
    {
        Assert.Equal(Enumerable.Range(1, 10), Bank.Kss.For(Role.ChildAndFamilyPractitioner).Select(s => s.Number));
        Assert.Equal(Enumerable.Range(1, 8), Bank.Kss.For(Role.PracticeSupervisor).Select(s => s.Number));
    }

    [Theory]
    [InlineData(Role.ChildAndFamilyPractitioner, 4, "Adult mental ill health, substance misuse, domestic abuse, physical ill health and disability")]
    [InlineData(Role.ChildAndFamilyPractitioner, 10, "Organisational context")]
    [InlineData(Role.PracticeSupervisor, 7, "Emotionally intelligent practice supervision")]
    public void Title_KnownStatement_ShippedTitle(Role role, int number, string title) =>
        Assert.Equal(title, Bank.Kss.Title(role, number));

    [Fact]
    public void Exists_PractitionerStatementNineForSupervisor_False() =>
        Assert.False(Bank.Kss.Exists(Role.PracticeSupervisor, 9));
}
