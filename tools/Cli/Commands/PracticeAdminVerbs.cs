using System.CommandLine;
using Accreditation.Cli.Output;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Observation.V1;
using Accreditation.Cli.Practice;
using Google.Protobuf;
using Spectre.Console;

namespace Accreditation.Cli.Commands;

/// <summary>Simulated practice's administration (scope observation.scenario-admin): scenario-seed, scenarios, assessor-register, assessors, actor-register and actors.</summary>
internal static class PracticeAdminVerbs
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithIndentation());

    public static IEnumerable<Command> Create(VerbContext context) =>
        [ScenarioSeed(context), Scenarios(context), AssessorRegister(context), Assessors(context), ActorRegister(context), Actors(context)];

    private static Command ScenarioSeed(VerbContext context)
    {
        var command = new Command("scenario-seed", "Import the sample scenario set of simulated practice (both roles); running it again is a retry");
        command.SetAction(async (result, ct) =>
        {
            using var endpoints = context.Connect(result);
            var response = await endpoints.ScenarioAdmin().ImportScenariosAsync(SampleScenarios.Create(), cancellationToken: ct);
            await context.Output.WriteLineAsync(Json.Format(response));
            return 0;
        });
        return command;
    }

    private static Command Scenarios(VerbContext context)
    {
        var role = CommonOptions.Parsed<Role>("--role", Parse.Role, "--role must be practitioner or supervisor");
        role.Description = "Only scenarios of this role [default: both roles]";
        role.HelpName = "practitioner|supervisor";
        var kind = CommonOptions.Parsed<ComponentKind>("--kind", Parse.Kind, "--kind must be simulation, reflective or written");
        kind.Description = "Only components of this kind [default: every kind]";
        kind.HelpName = "simulation|reflective|written";
        var command = new Command("scenarios", "List simulated practice's scenarios and components (latest versions) as a table") { role, kind };
        command.SetAction(async (result, ct) =>
        {
            using var endpoints = context.Connect(result);
            Role[] roles = result.GetResult(role) is null ? [Role.ChildAndFamilyPractitioner, Role.PracticeSupervisor] : [result.GetValue(role)];
            var table = Tables.Create(
                Tables.Text("scenario"), Tables.Number("version"), Tables.Text("role"), Tables.Text("kind"), Tables.Text("status"),
                Tables.Number("criteria"), Tables.Text("KSS"), Tables.Text("title"));
            var count = 0;
            foreach (var r in roles)
            {
                var page = await endpoints.ScenarioAdmin().ListScenariosAsync(new ListScenariosRequest { Role = r, Kind = result.GetValue(kind) }, cancellationToken: ct);
                foreach (var s in page.Scenarios)
                {
                    count++;
                    table.Row(s.ScenarioId, s.Version, s.Role, s.Kind, s.Status, s.Criteria.Count, string.Join(',', s.KssStatements), s.Title);
                }
            }

            var console = context.OutputConsole();
            console.WriteTable(table);
            console.WriteLine($"{count} scenarios");
            return 0;
        });
        return command;
    }

    private static Command AssessorRegister(VerbContext context)
    {
        var assessor = CommonOptions.Id("--assessor", "Assessor id: the subject (sub) of the assessor's tokens, e.g. asha-khan");
        var name = new Option<string>("--name") { Description = "Assessor's display name", HelpName = "name", Required = true };
        var authority = CommonOptions.Parsed<string>("--authority", Parse.Gss, "--authority must be a GSS code such as E08000002");
        authority.Description = "Authority (GSS code) employing the assessor, e.g. E08000002 [default: none, an independent assessor]";
        authority.HelpName = "gss";
        var roles = CommonOptions.Parsed<Role[]>("--roles", Parse.Roles, "--roles must be practitioner, supervisor or both, comma-separated");
        roles.Description = "Roles whose candidates the assessor may assess, comma-separated [default: practitioner,supervisor]";
        roles.HelpName = "practitioner,supervisor";
        var previous = CommonOptions.ParsedList<EmploymentPeriod>(
            "--previous-employment", Parse.Period, "--previous-employment must be GSS:from:to with dates as yyyy-MM-dd, e.g. E08000003:2019-04-01:2024-03-31");
        previous.Description = "An earlier employer and when (conflict of interest), as GSS:from:to, e.g. E08000003:2019-04-01:2024-03-31; may be given several times";
        previous.HelpName = "gss:from:to";
        var inactive = new Option<bool>("--inactive") { Description = "Register the assessor as not active (not given new sessions)" };
        var requestId = CommonOptions.RequestId();
        var command = new Command("assessor-register", "Register an assessor, or replace the registration of the same id")
        {
            assessor, name, authority, roles, previous, inactive, requestId,
        };
        command.SetAction(async (result, ct) =>
        {
            using var endpoints = context.Connect(result);
            var registration = new Assessor
            {
                AssessorId = result.GetRequiredValue(assessor),
                DisplayName = result.GetRequiredValue(name),
                EmployingAuthorityCode = result.GetValue(authority) ?? "",
                Active = !result.GetValue(inactive),
            };
            registration.Roles.AddRange(result.GetResult(roles) is null ? [Role.ChildAndFamilyPractitioner, Role.PracticeSupervisor] : result.GetValue(roles)!);
            registration.PreviousEmployment.AddRange(result.GetValue(previous) ?? []);
            var response = await endpoints.Registry().RegisterAssessorAsync(
                new RegisterAssessorRequest { ClientRequestId = result.GetValue(requestId) ?? Guid.NewGuid().ToString(), Assessor = registration },
                cancellationToken: ct);
            await context.Output.WriteLineAsync(Json.Format(response.Assessor));
            return 0;
        });
        return command;
    }

    private static Command Assessors(VerbContext context)
    {
        var command = new Command("assessors", "List the registered assessors as a table");
        command.SetAction(async (result, ct) =>
        {
            using var endpoints = context.Connect(result);
            var response = await endpoints.Registry().ListAssessorsAsync(new ListAssessorsRequest(), cancellationToken: ct);
            var table = Tables.Create(
                Tables.Text("assessor"), Tables.Text("authority"), Tables.Text("roles"), Tables.Text("active"), Tables.Text("previous"), Tables.Text("name"));
            foreach (var a in response.Assessors.OrderBy(a => a.AssessorId, StringComparer.Ordinal))
            {
                table.Row(
                    a.AssessorId,
                    a.EmployingAuthorityCode.Length == 0 ? "independent" : a.EmployingAuthorityCode,
                    string.Join(',', a.Roles.Select(RoleName)),
                    a.Active ? "yes" : "no",
                    a.PreviousEmployment.Count == 0 ? "-" : string.Join(',', a.PreviousEmployment.Select(p => $"{p.AuthorityCode}:{Times.Day(p.From)}:{Times.Day(p.To)}")),
                    a.DisplayName);
            }

            var console = context.OutputConsole();
            console.WriteTable(table);
            console.WriteLine($"{response.Assessors.Count} assessors");
            return 0;
        });
        return command;
    }

    private static Command ActorRegister(VerbContext context)
    {
        var actor = CommonOptions.Id("--actor", "Actor id, e.g. actor-1");
        var name = new Option<string>("--name") { Description = "Actor's display name", HelpName = "name", Required = true };
        var inactive = new Option<bool>("--inactive") { Description = "Register the actor as not active (not cast in new sessions)" };
        var requestId = CommonOptions.RequestId();
        var command = new Command("actor-register", "Register an actor who plays the simulations, or replace the registration of the same id") { actor, name, inactive, requestId };
        command.SetAction(async (result, ct) =>
        {
            using var endpoints = context.Connect(result);
            var response = await endpoints.Registry().RegisterActorAsync(
                new RegisterActorRequest
                {
                    ClientRequestId = result.GetValue(requestId) ?? Guid.NewGuid().ToString(),
                    Actor = new Actor { ActorId = result.GetRequiredValue(actor), DisplayName = result.GetRequiredValue(name), Active = !result.GetValue(inactive) },
                },
                cancellationToken: ct);
            await context.Output.WriteLineAsync(Json.Format(response.Actor));
            return 0;
        });
        return command;
    }

    private static Command Actors(VerbContext context)
    {
        var command = new Command("actors", "List the registered actors as a table");
        command.SetAction(async (result, ct) =>
        {
            using var endpoints = context.Connect(result);
            var response = await endpoints.Registry().ListActorsAsync(new ListActorsRequest(), cancellationToken: ct);
            var table = Tables.Create(Tables.Text("actor"), Tables.Text("active"), Tables.Number("windows"), Tables.Text("name"));
            foreach (var a in response.Actors.OrderBy(a => a.ActorId, StringComparer.Ordinal))
            {
                table.Row(a.ActorId, a.Active ? "yes" : "no", a.Availability.Count, a.DisplayName);
            }

            var console = context.OutputConsole();
            console.WriteTable(table);
            console.WriteLine($"{response.Actors.Count} actors");
            return 0;
        });
        return command;
    }

    private static string RoleName(Role role) => role switch
    {
        Role.ChildAndFamilyPractitioner => "practitioner",
        Role.PracticeSupervisor => "supervisor",
        _ => role.ToString(),
    };
}
