#!/bin/sh
# The front end: forwards every page request to the app service, by its service name.
printf 'Content-Type: text/plain\r\n\r\n'
wget -q -O - "http://app:8080/cgi-bin/count" || echo "front: app did not answer"
