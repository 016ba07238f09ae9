namespace Accreditation.Cli.Simulation;

/// <summary>A simulated-practice session the simulation scheduled for a candidate of <paramref name="Authority"/>.</summary>
public sealed record PracticeSession(string Authority, string EnrolmentId, string SessionId, int Attempt);
