namespace Accreditation.RegulatorReporting.Domain;

/// <summary>Section "Reporting:Evaluation": the Department's evaluation page.</summary>
public sealed class EvaluationOptions
{
    /// <summary>
    /// Whether GET /evaluation also takes the bearer token from ?access_token= (so a browser can
    /// open the page locally without a header). Off unless set; appsettings.Development.json sets it
    /// for local runs. Everywhere else the token travels in the Authorization header only.
    /// </summary>
    public bool AcceptTokenInQuery { get; set; }
}
