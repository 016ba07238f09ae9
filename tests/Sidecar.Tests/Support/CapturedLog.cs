using Microsoft.Extensions.Logging;

namespace Accreditation.Sidecar.Tests.Support;

/// <summary>One log entry a stand-in wrote.</summary>
public sealed record CapturedLog(LogLevel Level, string? EventName, string Message);
