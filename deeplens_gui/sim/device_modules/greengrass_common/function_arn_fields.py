"""Parts of a Lambda function ARN, as the Greengrass core's FunctionArnFields gives them to the SDK."""


class FunctionArnFields(object):
    """``arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]`` split into its fields."""

    def __init__(self, function_arn):
        parts = function_arn.split(":")
        if len(parts) < 7 or parts[:3] != ["arn", "aws", "lambda"] or parts[5] != "function":
            raise ValueError("Cannot parse the function ARN {0!r}.".format(function_arn))
        self.region, self.account_id, self.name = parts[3], parts[4], parts[6]
        self.qualifier = parts[7] if len(parts) > 7 else ""
        self.unqualified_arn = ":".join(parts[:7])
        self.arn = function_arn

    @staticmethod
    def build_function_arn(unqualified_arn, qualifier=None):
        """The ARN with ``qualifier`` appended when there is one."""
        return unqualified_arn + (":" + qualifier if qualifier else "")
