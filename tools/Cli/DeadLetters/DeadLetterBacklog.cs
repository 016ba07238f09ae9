namespace Accreditation.Cli.DeadLetters;

/// <summary>One dead-letter stream on the broker: its key, whose dead letters of which topic it holds, and how many messages wait in it.</summary>
public sealed record DeadLetterBacklog(string Key, string App, string Topic, long Messages);
