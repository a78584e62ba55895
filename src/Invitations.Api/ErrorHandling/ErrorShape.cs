namespace Invitations.Api.ErrorHandling;

/// <summary>How a route group writes errors: problem details natively, each seed's own body on its compatibility route.</summary>
public enum ErrorShape
{
    Problem,
    StatusMessage,
    SuccessMessage,
}

public sealed record ErrorShapeMetadata(ErrorShape Shape);
