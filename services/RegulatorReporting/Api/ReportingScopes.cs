namespace Accreditation.RegulatorReporting.Api;

/// <summary>Scopes of Reporting's callers. HR, delivery and assessor tokens carry none of them and reach nothing here.</summary>
public static class ReportingScopes
{
    /// <summary>The regulator (Social Work England): register statuses, the change feed and the export.</summary>
    public const string Regulator = BuildingBlocks.Auth.Scopes.Regulator;

    /// <summary>The Department's evaluation team: aggregates only (the evaluation API and page); no single candidate.</summary>
    public const string Evaluation = BuildingBlocks.Auth.Scopes.Evaluation;
}
