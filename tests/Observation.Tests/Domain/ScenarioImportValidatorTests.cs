using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Observation.V1;
using Accreditation.Cli.Practice;
using Accreditation.Observation.Domain;

namespace Accreditation.Observation.Tests.Domain;

public sealed class ScenarioImportValidatorTests
{
    [Fact]
    public void Validate_SampleSet_NoProblems() =>
        Assert.Empty(ScenarioImportValidator.Validate(SampleScenarios.Create(), Rubrics.Kss, _ => null));

    [Fact]
    public void Validate_SampleSet_CoversEveryStatementOfBothRoles()
    {
        foreach (var role in new[] { Role.ChildAndFamilyPractitioner, Role.PracticeSupervisor })
        {
            var covered = SampleScenarios.Create().Scenarios.Where(s => s.Role == role).SelectMany(s => s.Criteria).Select(c => c.KssStatement).Distinct().Order();

            Assert.Equal(Rubrics.Kss.For(role).Select(s => s.Number), covered);
        }
    }

    [Fact]
    public void Validate_BrokenScenarios_EveryProblemWithScenarioAndField()
    {
        var request = new ImportScenariosRequest();
        var noActorBrief = SampleScenarios.Practitioner()[0].Clone();
        noActorBrief.ActorBrief = "";
        var badLevels = SampleScenarios.Practitioner()[1].Clone();
        badLevels.Criteria[0].Levels.RemoveAt(3);
        var uncovered = SampleScenarios.Practitioner()[2].Clone();
        uncovered.KssStatements.Add(1);
        var writtenWithActor = SampleScenarios.Practitioner()[4].Clone();
        writtenWithActor.ActorBrief = "an actor";
        writtenWithActor.Criteria[1].KssStatement = 11;
        request.Scenarios.AddRange([noActorBrief, badLevels, uncovered, writtenWithActor]);

        var problems = ScenarioImportValidator.Validate(request, Rubrics.Kss, _ => null);

        Assert.Equal(
            ["scenarios[0].actor_brief", "scenarios[1].criteria[0].levels", "scenarios[2].kss_statements", "scenarios[3].actor_brief", "scenarios[3].criteria[1].kss_statement", "scenarios[3].kss_statements"],
            problems.Select(p => p.Field));
    }

    [Fact]
    public void Validate_StatementOfAnotherRoleAndDuplicateIds_Reported()
    {
        var request = new ImportScenariosRequest();
        var supervisor = SampleScenarios.PracticeSupervisor()[0].Clone();
        supervisor.KssStatements.Add(9);
        supervisor.Criteria[1].CriterionId = supervisor.Criteria[0].CriterionId;
        request.Scenarios.AddRange([supervisor, supervisor.Clone()]);

        var fields = ScenarioImportValidator.Validate(request, Rubrics.Kss, _ => null).Select(p => p.Field).ToList();

        Assert.Contains("scenarios[0].kss_statements[3]", fields);
        Assert.Contains("scenarios[0].criteria[1].criterion_id", fields);
        Assert.Contains("scenarios[1].scenario_id", fields);
    }

    [Fact]
    public void Validate_ChangesRoleOrKindOfExisting_Reported()
    {
        var existing = SampleScenarios.Practitioner()[0];
        var changed = existing.Clone();
        changed.Kind = ComponentKind.Written;
        changed.ActorBrief = "";

        var fields = ScenarioImportValidator.Validate(new ImportScenariosRequest { Scenarios = { changed } }, Rubrics.Kss, _ => existing).Select(p => p.Field);

        Assert.Contains("scenarios[0].kind", fields);
    }

    [Fact]
    public void Validate_Empty_NothingToImport() =>
        Assert.Equal("scenarios", Assert.Single(ScenarioImportValidator.Validate(new ImportScenariosRequest(), Rubrics.Kss, _ => null)).Field);

    [Fact]
    public void NextVersion_Unchanged_Null()
    {
        var stored = ScenarioChange.NextVersion(SampleScenarios.Practitioner()[0], null)!;

        Assert.Equal(1, stored.Version);
        Assert.Null(ScenarioChange.NextVersion(SampleScenarios.Practitioner()[0], stored));
    }

    [Fact]
    public void NextVersion_Changed_NextVersionActive()
    {
        var stored = ScenarioChange.NextVersion(SampleScenarios.Practitioner()[0], null)!;
        stored.Status = ScenarioStatus.Retired;
        var draft = SampleScenarios.Practitioner()[0].Clone();
        draft.Title = "Changed";

        var next = ScenarioChange.NextVersion(draft, stored)!;

        Assert.Equal((2, ScenarioStatus.Active), (next.Version, next.Status));
    }

    [Fact]
    public void Catalog_Embedded_TenPractitionerAndEightSupervisorStatements()
    {
        Assert.Equal(10, Rubrics.Kss.For(Role.ChildAndFamilyPractitioner).Count);
        Assert.Equal(8, Rubrics.Kss.For(Role.PracticeSupervisor).Count);
        Assert.Equal("Emotionally intelligent practice supervision", Rubrics.Kss.Title(Role.PracticeSupervisor, 7));
    }
}
