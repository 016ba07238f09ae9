using Accreditation.AssessmentRules.Kss;
using Accreditation.Cli.Bank;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Testing.V1;
using Accreditation.Testing.Domain;

namespace Accreditation.Testing.Tests.Domain;

/// <summary>The sample bank as the domain sees it after import (version 1, active).</summary>
internal static class Bank
{
    public static readonly KssCatalog Kss = KssCatalog.LoadEmbedded(typeof(Accreditation.Testing.TestingServiceCollectionExtensions).Assembly);

    public static (List<Item> Items, List<CaseScenario> Scenarios) For(Role role)
    {
        var request = SampleBank.Create();
        var items = request.Items.Where(i => i.Role == role).Select(i =>
        {
            var v = i.Clone();
            v.Version = 1;
            v.Status = ItemStatus.Active;
            return v;
        }).ToList();
        var scenarios = request.Scenarios.Where(s => s.Role == role).Select(s =>
        {
            var v = s.Clone();
            v.Version = 1;
            return v;
        }).ToList();
        return (items, scenarios);
    }
}
