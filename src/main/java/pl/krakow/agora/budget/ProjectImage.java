package pl.krakow.agora.budget;

/** An image attached to a project: JPEG, PNG or WebP, at most {@link ProjectService#MAX_IMAGE_BYTES}. */
public record ProjectImage(String fileName, String contentType, byte[] bytes) {
}
