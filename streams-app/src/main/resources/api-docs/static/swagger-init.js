// Shows the app's own description. No validator badge: it would send the description to
// validator.swagger.io, and the page's Content-Security-Policy would refuse the request anyway.
window.ui = SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  validatorUrl: null,
  tryItOutEnabled: false
});
