namespace Accreditation.Sidecar.Delivery;

/// <summary>What the app's answer to one delivery means, by Dapr's rules.</summary>
public enum DeliveryOutcome
{
    /// <summary>Processed: acknowledge the entry.</summary>
    Success,

    /// <summary>Try again (RETRY, unknown status, non-2xx other than 404, no answer).</summary>
    Retry,

    /// <summary>Do not try again (DROP or 404): to the dead-letter topic if there is one.</summary>
    Drop,
}
