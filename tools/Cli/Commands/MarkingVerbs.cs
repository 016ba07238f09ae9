using System.CommandLine;
using System.Globalization;
using Accreditation.Cli.Output;
using Accreditation.Cli.Practice;
using Accreditation.Contracts.Observation.V1;
using Google.Protobuf;
using Spectre.Console;

namespace Accreditation.Cli.Commands;

/// <summary>
/// Marking of simulated practice: score (as an assessor, scope observation.assessor, the assessor id
/// as subject), moderation and moderate (as a moderator, scope observation.moderator).
/// </summary>
internal static class MarkingVerbs
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithIndentation());

    public static IEnumerable<Command> Create(VerbContext context) => [Score(context), Queue(context), Moderate(context)];

    private static Command Score(VerbContext context)
    {
        var session = CommonOptions.Session();
        var assessor = CommonOptions.Id("--assessor", "Assessor scoring the session (first or second assessor): the subject of the token");
        var ability = CommonOptions.Fraction("--ability", "Share of criteria the candidate meets (scored 3 or 4; the rest 2 or 1), from 0 to 1", 0.9);
        var seed = CommonOptions.Number("--seed", "Seed of the scores, to repeat them [default: the clock]", null, int.MinValue);
        var note = new Option<string>("--note") { Description = "Evidence note put before each criterion's own [default: none]", HelpName = "text" };
        var draft = new Option<bool>("--draft") { Description = "Save the scores as a draft without submitting the marking" };
        var command = new Command("score", "As an assessor: score every criterion of an assigned session (with evidence notes), save and submit the marking; prints the session")
        {
            session, assessor, ability, seed, note, draft,
        };
        command.SetAction(async (result, ct) =>
        {
            using var endpoints = context.Connect(result);
            var id = result.GetRequiredValue(session);
            var assessorId = result.GetRequiredValue(assessor);
            var scoring = endpoints.Scoring(assessorId);
            var assigned = (await scoring.GetAssignedSessionAsync(new GetAssignedSessionRequest { SessionId = id }, cancellationToken: ct)).Session;
            var random = result.GetResult(seed) is null ? new Random() : new Random(result.GetValue(seed));
            var scores = PracticeScoring.Score(assigned.Components, result.GetValue(ability), random, result.GetValue(note));
            var marked = (await scoring.SaveScoresAsync(new SaveScoresRequest { SessionId = id, Scores = { scores }, Reason = "scores recorded with accredit" }, cancellationToken: ct)).Session;
            if (!result.GetValue(draft))
            {
                marked = (await scoring.SubmitScoresAsync(new SubmitScoresRequest { SessionId = id, Reason = "marking submitted with accredit" }, cancellationToken: ct)).Session;
            }

            var mean = scores.Count == 0 ? 0 : scores.Average(s => s.Score);
            await context.Output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{(result.GetValue(draft) ? "saved" : "submitted")} {scores.Count} scores over {assigned.Components.Count} components as {assessorId}, mean {mean:F2}; session {marked.State}"));
            await context.Output.WriteLineAsync(Json.Format(marked));
            return 0;
        });
        return command;
    }

    private static Command Queue(VerbContext context)
    {
        var moderator = Moderator();
        var command = new Command("moderation", "List the moderation queue: sessions awaiting a second assessor's marking or a moderator's decision") { moderator };
        command.SetAction(async (result, ct) =>
        {
            using var endpoints = context.Connect(result);
            var response = await endpoints.Moderation(result.GetValue(moderator)).ListModerationQueueAsync(new ListModerationQueueRequest(), cancellationToken: ct);
            var table = Tables.Create(
                Tables.Text("session"), Tables.Text("enrolment"), Tables.Text("role"), Tables.Text("state"), Tables.Number("attempt"),
                Tables.Text("reason"), Tables.Text("first"), Tables.Text("second"));
            foreach (var s in response.Sessions)
            {
                table.Row(s.SessionId, s.EnrolmentId, s.Role, s.State, s.AttemptNumber, s.SecondMarkingReason, s.FirstAssessorId, s.SecondAssessorId.Length == 0 ? "-" : s.SecondAssessorId);
            }

            var console = context.OutputConsole();
            console.WriteTable(table);
            console.WriteLine($"{response.Sessions.Count} sessions in the queue");
            return 0;
        });
        return command;
    }

    private static Command Moderate(VerbContext context)
    {
        var session = CommonOptions.Session();
        var second = new Option<string>("--second-assessor")
        {
            Description = "Assign (or replace) the second assessor of a session awaiting second marking",
            HelpName = "id",
        };
        var decide = CommonOptions.Parsed<ModerationBasis>("--decide", Parse.Basis, "--decide must be first, second or mean");
        decide.Description = "Decide a session awaiting moderation with final scores from the first or second marking, or their mean per criterion";
        decide.HelpName = "first|second|mean";
        var rationale = new Option<string>("--rationale") { Description = "The reasons for the decision [default: a sentence naming the basis]", HelpName = "text" };
        var moderator = Moderator();
        var command = new Command("moderate", "As a moderator: assign a second assessor (--second-assessor) or decide a session awaiting moderation (--decide); prints the session")
        {
            session, second, decide, rationale, moderator,
        };
        command.Validators.Add(result =>
        {
            var assigns = result.GetResult(second) is not null;
            var decides = result.GetResult(decide) is not null;
            if (assigns == decides)
            {
                result.AddError("moderate needs exactly one of --second-assessor and --decide");
            }
            else if (assigns && result.GetResult(rationale) is not null)
            {
                result.AddError("--rationale goes with --decide");
            }
            else if (assigns && result.GetValue(second) is { } id && !CommonOptions.IsId(id))
            {
                result.AddError("--second-assessor must be an id: letters, digits, '.', '_' or '-'");
            }
        });
        command.SetAction(async (result, ct) =>
        {
            using var endpoints = context.Connect(result);
            var id = result.GetRequiredValue(session);
            var moderation = endpoints.Moderation(result.GetValue(moderator));
            Session decided;
            if (result.GetValue(second) is { } assessorId)
            {
                decided = (await moderation.AssignSecondAssessorAsync(new AssignSecondAssessorRequest { SessionId = id, AssessorId = assessorId }, cancellationToken: ct)).Session;
            }
            else
            {
                var basis = result.GetValue(decide);
                var moderationCase = (await moderation.GetModerationCaseAsync(new GetModerationCaseRequest { SessionId = id }, cancellationToken: ct)).Session;
                decided = (await moderation.DecideModerationAsync(
                    new DecideModerationRequest
                    {
                        SessionId = id,
                        Scores = { ModerationDecision.Scores(moderationCase, basis) },
                        Rationale = result.GetValue(rationale) ?? ModerationDecision.Rationale(basis),
                    },
                    cancellationToken: ct)).Session;
            }

            await context.Output.WriteLineAsync(Json.Format(decided));
            return 0;
        });
        return command;
    }

    private static Option<string> Moderator() => new("--moderator")
    {
        Description = "Moderator id: the subject of the token; never an assessor of the session",
        HelpName = "id",
        DefaultValueFactory = _ => Subjects.Moderator,
    };
}
