"""A client library for accessing Future AGI Simulate API"""
