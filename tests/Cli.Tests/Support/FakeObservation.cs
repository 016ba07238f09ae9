using System.Collections.Concurrent;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Observation.V1;
using Google.Protobuf;
using Grpc.Core;

namespace Accreditation.Cli.Tests.Support;

/// <summary>
/// A scripted Observation service for one candidate: answers "not known here yet" a given number of
/// times before the first schedule, then schedules session s-1, s-2, ... and routes each as its
/// <see cref="ScriptedSession"/> says, recording every call in order.
/// </summary>
public sealed class FakeObservation
{
    private readonly IReadOnlyList<ScriptedSession> _script;
    private readonly ConcurrentQueue<string> _calls = new();
    private readonly Dictionary<string, Session> _sessions = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _notKnownLeft;
    private bool _resitAnswered;

    public FakeObservation(IReadOnlyList<ScriptedSession> script, int notKnownAnswers = 1)
    {
        _script = script;
        _notKnownLeft = notKnownAnswers;
        Handler = new FakeGrpcHandler { RespondTo = Answer };
    }

    public FakeGrpcHandler Handler { get; }

    /// <summary>The methods called, in order.</summary>
    public IReadOnlyList<string> Calls => [.. _calls];

    /// <summary>The second assessor the service picks when the script says so.</summary>
    public const string PickedSecond = "service-picked-assessor";

    private static Session Rubric(string id, int attempt) => new()
    {
        SessionId = id,
        EnrolmentId = "e-1",
        Role = Role.ChildAndFamilyPractitioner,
        AttemptNumber = attempt,
        State = SessionState.Scheduled,
        Components =
        {
            new Component { ComponentId = "simulation-1", Title = "A home visit", Criteria = { new Criterion { CriterionId = "C1" }, new Criterion { CriterionId = "C2" } } },
            new Component { ComponentId = "written", Title = "Written", Criteria = { new Criterion { CriterionId = "C1" } } },
        },
    };

    private IMessage? Answer(string path, byte[] body)
    {
        var method = path[(path.LastIndexOf('/') + 1)..];
        _calls.Enqueue(method);
        lock (_gate)
        {
            return method switch
            {
                "ImportScenarios" => new ImportScenariosResponse { Created = 10 },
                "RegisterActor" => new RegisterActorResponse { Actor = RegisterActorRequest.Parser.ParseFrom(body).Actor },
                "RegisterAssessor" => new RegisterAssessorResponse { Assessor = RegisterAssessorRequest.Parser.ParseFrom(body).Assessor },
                "ScheduleSession" => Schedule(ScheduleSessionRequest.Parser.ParseFrom(body)),
                "GetAssignedSession" => new GetAssignedSessionResponse { Session = _sessions[GetAssignedSessionRequest.Parser.ParseFrom(body).SessionId].Clone() },
                "SaveScores" => Save(SaveScoresRequest.Parser.ParseFrom(body)),
                "SubmitScores" => Submit(SubmitScoresRequest.Parser.ParseFrom(body)),
                "AssignSecondAssessor" => Assign(AssignSecondAssessorRequest.Parser.ParseFrom(body)),
                "GetModerationCase" => new GetModerationCaseResponse { Session = _sessions[GetModerationCaseRequest.Parser.ParseFrom(body).SessionId].Clone() },
                "DecideModeration" => Decide(DecideModerationRequest.Parser.ParseFrom(body)),
                _ => null,
            };
        }
    }

    private ScheduleSessionResponse Schedule(ScheduleSessionRequest request)
    {
        if (_notKnownLeft > 0)
        {
            _notKnownLeft--;
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"enrolment {request.EnrolmentId} is not known here yet; the candidate must be enrolled and endorsed"));
        }

        var attempt = _sessions.Count + 1;
        if (_script[attempt - 1].ResitFrom is { } from && !_resitAnswered)
        {
            _resitAnswered = true;
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"a resit may be booked from {from.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}, after the cool-off since the last fail at simulated practice"));
        }

        _resitAnswered = false;
        var session = Rubric($"s-{attempt}", attempt);
        session.FirstAssessorId = request.AssessorId;
        _sessions[session.SessionId] = session;
        return new ScheduleSessionResponse { Session = session.Clone() };
    }

    private SaveScoresResponse Save(SaveScoresRequest request)
    {
        var session = _sessions[request.SessionId];
        var stage = session.State == SessionState.Scheduled ? MarkingStage.First : MarkingStage.Second;
        var marking = session.Markings.SingleOrDefault(m => m.Stage == stage);
        if (marking is null)
        {
            marking = new Marking { Stage = stage, State = MarkingState.Draft };
            session.Markings.Add(marking);
        }

        marking.Scores.Clear();
        marking.Scores.AddRange(request.Scores);
        return new SaveScoresResponse { Session = session.Clone() };
    }

    private SubmitScoresResponse Submit(SubmitScoresRequest request)
    {
        if (request.Scores.Count > 0)
        {
            Save(new SaveScoresRequest { SessionId = request.SessionId, Scores = { request.Scores } });
        }

        var session = _sessions[request.SessionId];
        var script = _script[session.AttemptNumber - 1];
        if (session.State == SessionState.Scheduled && script.SecondMarking)
        {
            session.State = SessionState.AwaitingSecondMarking;
            session.SecondMarkingReason = script.Outcome == AssessmentOutcome.Failed ? SecondMarkingReason.Failing : SecondMarkingReason.Sampled;
            session.SecondAssessorId = script.ServicePicksSecond ? PickedSecond : "";
        }
        else if (script.Moderation)
        {
            session.State = SessionState.AwaitingModeration;
        }
        else
        {
            Complete(session, script.Outcome, session.State == SessionState.Scheduled ? MarkingStage.First : MarkingStage.Second);
        }

        return new SubmitScoresResponse { Session = session.Clone() };
    }

    private AssignSecondAssessorResponse Assign(AssignSecondAssessorRequest request)
    {
        var session = _sessions[request.SessionId];
        session.SecondAssessorId = request.AssessorId;
        return new AssignSecondAssessorResponse { Session = session.Clone() };
    }

    private DecideModerationResponse Decide(DecideModerationRequest request)
    {
        var session = _sessions[request.SessionId];
        session.Markings.Add(new Marking { Stage = MarkingStage.Moderation, State = MarkingState.Submitted, Scores = { request.Scores }, Rationale = request.Rationale });
        Complete(session, _script[session.AttemptNumber - 1].Outcome, MarkingStage.Moderation);
        return new DecideModerationResponse { Session = session.Clone() };
    }

    private static void Complete(Session session, AssessmentOutcome outcome, MarkingStage by)
    {
        session.State = SessionState.Completed;
        session.Outcome = new SessionOutcome { Outcome = outcome, DecidedBy = by };
    }
}
