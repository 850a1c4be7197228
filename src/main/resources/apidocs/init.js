// Starts Swagger UI on /api/v1/openapi.json. A file of its own, not an inline script, so that the
// page works under a Content-Security-Policy without 'unsafe-inline' for scripts.
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/api/v1/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    // no calls to the public validator badge service: nothing leaves the server
    validatorUrl: null,
  });
});
