using Accreditation.Contracts.Common.V1;

namespace Accreditation.Cli.Tests.Support;

/// <summary>
/// How <see cref="FakeObservation"/> routes one session: whether the first marking goes to a second
/// assessor (and whether the service picks one), whether the markings then need a moderator, and
/// the final outcome. <paramref name="ResitFrom"/> is the cool-off end it answers once when the
/// session is scheduled (a resit), null for none.
/// </summary>
public sealed record ScriptedSession(
    AssessmentOutcome Outcome,
    bool SecondMarking = false,
    bool ServicePicksSecond = false,
    bool Moderation = false,
    DateTimeOffset? ResitFrom = null);
