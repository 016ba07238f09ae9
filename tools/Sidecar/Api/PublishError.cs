namespace Accreditation.Sidecar.Api;

/// <summary>Why a publish was refused or failed.</summary>
public enum PublishError
{
    /// <summary>The request itself is wrong (no topic, malformed CloudEvent): INVALID_ARGUMENT / 400.</summary>
    InvalidArgument,

    /// <summary>No pub/sub component of that name: INVALID_ARGUMENT / 404, as daprd answers.</summary>
    PubSubNotFound,

    /// <summary>The component's topic scopes do not let this app publish to the topic: PERMISSION_DENIED / 403, as daprd answers.</summary>
    Forbidden,

    /// <summary>The broker did not take the event: INTERNAL / 500. The publisher should retry.</summary>
    BrokerFailed,
}
