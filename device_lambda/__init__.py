"""Code that runs ON the camera (Python 2.7 and 3.5+). Shipped as data; the app never imports it."""
