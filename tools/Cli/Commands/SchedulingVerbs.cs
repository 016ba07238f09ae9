using System.CommandLine;
using Accreditation.Contracts.Observation.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace Accreditation.Cli.Commands;

/// <summary>
/// The assessment centre's booking system (scope observation.scheduling, subject
/// <see cref="Subjects.Scheduling"/>, which owns the sessions it schedules): schedule, session and outcome.
/// </summary>
internal static class SchedulingVerbs
{
    public const string DefaultLocation = "Manchester assessment centre, room 2";

    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithIndentation());

    public static IEnumerable<Command> Create(VerbContext context) => [Schedule(context), ShowSession(context), Outcome(context)];

    private static Command Schedule(VerbContext context)
    {
        var enrolment = CommonOptions.Enrolment();
        var assessor = new Option<string>("--assessor")
        {
            Description = "First assessor's id [default: the service picks an eligible, available assessor with no conflict of interest]",
            HelpName = "id",
        };
        assessor.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string>() is { } id && !CommonOptions.IsId(id))
            {
                r.AddError("--assessor must be an id: letters, digits, '.', '_' or '-'");
            }
        });
        var location = new Option<string>("--location") { Description = "Assessment centre (and room) of the session", HelpName = "place", DefaultValueFactory = _ => DefaultLocation };
        var slot = CommonOptions.Parsed<DateTimeOffset>("--slot", Parse.Time, "--slot must be an ISO 8601 time such as 2025-03-01T09:30:00Z, or now");
        slot.Description = "When the session starts; scores can be recorded from then [default: now]";
        slot.HelpName = "time";
        var requestId = CommonOptions.RequestId();
        var command = new Command("schedule", "Schedule an endorsed candidate's simulated-practice assessment (a resit after a fail once the cool-off allows)")
        {
            enrolment, assessor, location, slot, requestId,
        };
        command.SetAction(async (result, ct) =>
        {
            using var endpoints = context.Connect(result);
            var start = result.GetResult(slot) is null ? DateTimeOffset.UtcNow : result.GetValue(slot);
            var response = await endpoints.Scheduling().ScheduleSessionAsync(
                new ScheduleSessionRequest
                {
                    ClientRequestId = result.GetValue(requestId) ?? Guid.NewGuid().ToString(),
                    EnrolmentId = result.GetRequiredValue(enrolment),
                    SlotStart = Timestamp.FromDateTimeOffset(start),
                    Location = result.GetRequiredValue(location),
                    AssessorId = result.GetValue(assessor) ?? "",
                },
                cancellationToken: ct);
            await context.Output.WriteLineAsync(Json.Format(response.Session));
            return 0;
        });
        return command;
    }

    private static Command ShowSession(VerbContext context)
    {
        var session = CommonOptions.Session();
        var command = new Command("session", "Show a simulated-practice session accredit scheduled (state, components, assessors, outcome)") { session };
        command.SetAction(async (result, ct) =>
        {
            using var endpoints = context.Connect(result);
            var response = await endpoints.Scheduling().GetSessionAsync(new GetSessionRequest { SessionId = result.GetRequiredValue(session) }, cancellationToken: ct);
            await context.Output.WriteLineAsync(Json.Format(response.Session));
            return 0;
        });
        return command;
    }

    private static Command Outcome(VerbContext context)
    {
        var session = CommonOptions.Session();
        var command = new Command("outcome", "Show a session's final outcome with per-statement feedback (FailedPrecondition until it is final)") { session };
        command.SetAction(async (result, ct) =>
        {
            using var endpoints = context.Connect(result);
            var response = await endpoints.Scheduling().GetSessionOutcomeAsync(new GetSessionOutcomeRequest { SessionId = result.GetRequiredValue(session) }, cancellationToken: ct);
            await context.Output.WriteLineAsync(Json.Format(response));
            return 0;
        });
        return command;
    }
}
