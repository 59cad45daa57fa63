"""Ett nytt utmärkelseår ur ett ärende skapat med formuläret .github/ISSUE_TEMPLATE/nytt-ar.yml.

form reads the form and the issue body GitHub writes from it; answers judges the answers and turns them into the
year's data; writing puts that data into data/ with a YAML emitter; job is what the workflow runs around it.
"""
